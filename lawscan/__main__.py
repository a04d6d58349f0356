from lawscan.cli import run

run()
