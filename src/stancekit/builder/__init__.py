"""stancekit.builder"""
