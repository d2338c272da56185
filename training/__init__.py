"""Corpus building, synthetic corruption, training and evaluation for mtdetect."""
