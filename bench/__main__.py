"""`python -m bench`: the API benchmark at scale (see bench/scale/run.py)."""

from bench.scale.run import main

raise SystemExit(main())
