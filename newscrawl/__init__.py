"""newscrawl: the Scrapy side. Spiders find and fetch article pages, pipelines call
``cleaners.pipeline.clean_document`` (as ``newsclean clean`` does), feeds write the records.
See README "Crawling"."""

from cleaners.extras import check

# The crawler's packages come with the "crawl" extra: say so before any of them is imported.
check("scrapy")
