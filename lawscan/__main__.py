from lawscan.cli import main

main()
