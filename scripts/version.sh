#!/bin/sh
# Prints Pathfinder's version, read from the one place it is set.
cd "$(dirname "$0")/.." || exit 1
sed -n 's/^ *public static let number = "\([^"]*\)".*/\1/p' Sources/PathfinderCLI/Version.swift
