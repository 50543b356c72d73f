"""What several test modules share; no test here. Test modules import these
helpers (`from tests.support.minicorpus import write_corpus`), never each other."""
