"""Translations as data: a document's text units (`units`), what a translation must
keep of the French (`checks`), XLIFF 2.0 out and in (`xliff`), writing targets
into the corpus YAML (`store`), and how far each language is (`status`)."""
