"""How the portal runs under gunicorn, for `make run`, the test stack and the
benchmarks alike. Threads, because a chat message mostly waits for the
assistant: 2 processes x 16 threads keep 32 conversations moving at once."""
worker_class = "gthread"
workers = 2
threads = 16
keepalive = 5
control_socket_disable = True  # the default socket path is shared by every gunicorn of the user
