import sys

from flightline.cli.main import main

sys.exit(main())
