"""Downloader middlewares: robots.txt, retries with backoff, meta refresh with a cheap
prefilter, and the WARC archive of every response."""
