"""The domain core: content models, loading and engines. Knows nothing of widgets or HTML."""
