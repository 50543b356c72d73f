"""The tests, a package so that each test module has a unique name
(`tests.generator.corpus.test_check`) and shared helpers are imported as
`tests.support.<module>`. See tests/README.md."""
