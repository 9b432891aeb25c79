"""The pipeline's stages, free of Prefect: what a run does between the crawl and the warehouse.

    ingest      crawl output (JSONL of raw pages) -> WARC files (warc) + raw_pages rows pointing into them
    batch       a batch of pending pages -> clean articles (transforms.clean) + events -> warehouse
    events      event coding, mention linking and the event rows of a batch
    derived     derived state over many rows (duplicate links, search index, learned boilerplate),
                brought up to date whenever it is marked stale, whatever the run fetched
    health      yield-drop warnings against a source's own history
    warc        raw pages as gzipped WARC records beside the warehouse: written, read back, repaired
    faults      crash points for the SIGKILL tests

Each stage is a plain function over paths, ids and records, so tests, `reprocess` and the Prefect
flows (flows/) share one code path; progress is reported through a callback passed in.
"""
