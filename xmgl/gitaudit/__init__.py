"""Adapters to git: signed commits, history reading and the audit of the trail."""
