"""Campaign-level runners: read the config, run a stage over the campaign tables, record what happened."""
