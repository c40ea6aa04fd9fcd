"""stancekit.labeling"""
