from cleaners.cli import main

raise SystemExit(main())
