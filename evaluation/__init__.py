"""Scorers of the extractor against gold files written for the seeds (`make score`)."""
