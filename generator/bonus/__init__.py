"""The practice bonus of article 14/1, computed from billing data.

- `parameters.py`: the article in force for a year, and its typed parameters and
  declared readings (all from the corpus: no amount, code or date here);
- `billing.py`: reads a billing file (CSV, XLSX, Parquet) into DuckDB, checks every row;
- `compute.py`: `compute_bonus`, the per-provider result and the exclusions;
- `explain.py`: the steps of one provider's calculation, article by article;
- `output.py`: the result as CSV, XLSX or JSON.
"""
