"""The parties who sign the conventions: networks, hospitals, psychologists
and organisations, read from a YAML file, an Excel workbook or CSV files.

    from generator.parties.check import load_parties, check_parties
    register = load_parties("examples/parties.yaml")
    parties = register.parties_for("net-01", "psy-0001")
    from generator.parties.slots import slot_values
    values = slot_values(parties)          # {"network.name": ..., "provider.nrn": ...}

The format is described in docs/parties-format.md.
"""
