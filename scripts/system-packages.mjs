// What `npm test` needs from the operating system (a browser, Jupyter), found or
// installed by the test step itself, so that the README's test command passes on a
// fresh machine with nothing installed by hand. Installs Debian packages with
// apt-get only when the command is missing, apt-get exists and we may (root, or
// passwordless sudo); anything else is reported with the command to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The first of `paths` that exists, or `undefined`. */
export function findExecutable(paths) {
  return paths.find((path) => path && existsSync(path));
}

let updated = false;

/**
 * Finds one of `paths`, installing the Debian `packages` when none exists.
 * Returns the path found, or `undefined` with the reason printed to stderr.
 */
export function ensureDebianPackages({ paths, packages, what }) {
  const found = findExecutable(paths);
  if (found) return found;
  const aptGet = findExecutable(["/usr/bin/apt-get"]);
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = !root && findExecutable(["/usr/bin/sudo"]) && spawnSync("sudo", ["-n", "true"]).status === 0;
  if (!aptGet || !(root || sudo)) {
    console.error(
      `${what}: not found, and apt-get is not available to this user: apt-get install -y ${packages.join(" ")}`,
    );
    return undefined;
  }
  const run = (args) => {
    const command = sudo ? ["sudo", ["-n", "apt-get", ...args]] : ["apt-get", args];
    return spawnSync(command[0], command[1], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 900_000,
    });
  };
  console.error(`${what}: installing Debian ${packages.join(", ")} (once per machine)`);
  if (!updated) {
    run(["update", "-qq"]);
    updated = true;
  }
  const install = run(["install", "-y", "-qq", "--no-install-recommends", ...packages]);
  if (install.status !== 0) console.error(`${what}: apt-get install ${packages.join(" ")} failed`);
  return findExecutable(paths);
}
