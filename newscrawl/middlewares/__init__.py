"""Downloader middlewares: retries with backoff, and the WARC archive of every response."""
