"""SCK501 project fixture: the accept loop's handler retries the errnos of an imported
constant, which does not hold ECONNABORTED."""
