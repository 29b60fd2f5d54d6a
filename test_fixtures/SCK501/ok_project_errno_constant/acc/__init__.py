"""SCK501 project fixture: the accept loop's handler retries the errnos of an imported
constant that holds ECONNABORTED."""
