"""How the project starts Debian's chromium (browser tests, screenshots): headless, and with
nothing that calls out to Google's services, which this machine's closed network refuses."""

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
