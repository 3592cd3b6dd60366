"""Git audit adapters: raw object reading and in-process SSH signature checks."""
