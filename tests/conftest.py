def pytest_configure(config):
    config.addinivalue_line("markers", "extraction_eval: scores the real extractor on tests/data/extraction_dev.jsonl")
