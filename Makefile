# Jiasu's two commands (see README.md). Each installs what it needs.
.PHONY: run test bench rehearsal faults

run:   ## build and run locally: app, MongoDB stand-in, Redis, WeChat stub, demo campaign
	deploy/local/run

test:  ## every test of every part, as CI runs them
	deploy/local/test

bench: ## the help-endpoint benchmark (load-test/README.md)
	load-test/bench

rehearsal: ## the launch-day rehearsal: a viral crowd through nginx to two instances, with its audit (load-test/README.md)
	load-test/rehearsal

faults: ## the fault matrix: the rehearsal once per fault case, one table (load-test/README.md); not part of make test
	load-test/faults/run
