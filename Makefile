# Jiasu's two commands (see README.md). Each installs what it needs.
.PHONY: run test bench

run:   ## build and run locally: app, MongoDB stand-in, Redis, WeChat stub, demo campaign
	deploy/local/run

test:  ## every test of every part, as CI runs them
	deploy/local/test

bench: ## the help-endpoint benchmark (load-test/README.md)
	load-test/bench
