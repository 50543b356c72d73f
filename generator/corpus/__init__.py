"""Reading the corpus folder: YAML files with positions, validated into models."""
