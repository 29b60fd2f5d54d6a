# Addresses, kept apart from the code that binds them.
SERVICE_ADDR = ("0.0.0.0", 8080)
ADMIN_ADDR = ("127.0.0.1", 8081)
