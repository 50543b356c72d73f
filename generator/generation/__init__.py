"""Personalised documents: contexts, Word templates, batches, manifests."""
