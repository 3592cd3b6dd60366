from xmgl.cli.main import main

main()
