"""``python -m kiosk``, and the frozen kiosk's entry point."""

import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--render-map-page"]:  # kiosk.map_page.RENDER_CHILD_ARG: a child writing the map page
        from kiosk.map_page import render_child

        raise SystemExit(render_child())
    from kiosk.cli import main

    raise SystemExit(main())
