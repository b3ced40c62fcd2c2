"""newscrawl: the Scrapy side. Spiders find and fetch article pages, pipelines call
``cleaners.clean_html``, feeds write the records. See README "Crawling"."""
