"""Pure domain core: the regulation's rules, the lifecycle and date arithmetic, in plain Python."""
