"""stancekit.exports"""
