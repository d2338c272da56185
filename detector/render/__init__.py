"""Renderers: turn DocumentResult objects into text, JSON, JSONL or HTML output."""
