"""Worker processes: the stages' work spread over forked workers, with only documents,
bodies and page digests crossing between processes; the output is the same for any
number of workers."""
