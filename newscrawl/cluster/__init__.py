"""Crawling with several processes or machines through one Redis (``REDIS_URL``).

``settings``: what Redis mode switches; ``store``: the shared keys and their atomic
operations; ``scheduler``: the leasing scheduler and its spider middleware; ``pipelines``:
de-duplication and emission across crawlers. README "Scaling out" has the whole picture.
"""
