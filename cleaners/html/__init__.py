"""The HTML path: decode, extract with trafilatura, walk the article's markup, clean."""
