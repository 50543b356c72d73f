"""`conventio import`: run the import, write the draft and the report."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ConventioError
from generator.files import write_atomically


def run_import(
    source: Path,
    output: Path | None,
    doc_id: str | None,
    amends: str | None,
    report_path: Path | None,
    force: bool,
) -> tuple[str | None, str]:
    """Import `source`; write the draft to `output` (and the report to
    `report_path`) if given. Returns the draft to print (None when it was
    written) and the report."""
    from generator.importing import import_document
    from generator.importing.write.report import report_text

    if output is not None and output.exists() and not force:
        raise ConventioError(
            f"{output}: the file exists; choose another name or add --force to replace it"
        )
    if output is not None and output.resolve() == Path(source).resolve():
        raise ConventioError(f"{output}: the draft would overwrite the document it is read from")
    result = import_document(source, doc_id=doc_id, amends=amends, output=output)
    report = report_text(result, str(output) if output else None)
    if output is not None:
        write_atomically(output, result.yaml.encode("utf-8"))
    if report_path is not None:
        write_atomically(report_path, report.encode("utf-8"))
    return (result.yaml if output is None else None), report
