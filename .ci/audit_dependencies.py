"""Known-vulnerability audit of the installed dependencies (pip-audit).

Fails on any known vulnerability. When the vulnerability service cannot be reached (no
network, or a package mirror without the advisory data, so that every package is skipped),
says so clearly and does not fail: that is the one case where no answer is not a red light.
"""

import json
import subprocess
import sys
from pathlib import Path

PIP_AUDIT = Path(sys.executable).with_name("pip-audit")
UNREACHABLE = (
    "ConnectionError",
    "Max retries exceeded",
    "Name or service not known",
    "Temporary failure in name resolution",
    "NewConnectionError",
    "timed out",
)


def main() -> int:
    command = [str(PIP_AUDIT), "--skip-editable", "--progress-spinner", "off", "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except ValueError:
        if any(marker in result.stderr for marker in UNREACHABLE):
            print("pip-audit: the vulnerability service could not be reached; audit NOT done.")
            return 0
        print(result.stdout + result.stderr)
        return result.returncode or 1
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = [d for d in dependencies if "skip_reason" not in d]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixes})")
    if vulnerable:
        return 1
    if dependencies and not audited:
        print(
            f"pip-audit: none of the {len(dependencies)} packages could be looked up (the "
            "vulnerability service is not reachable from here); audit NOT done."
        )
        return 0
    print(f"pip-audit: {len(audited)} packages audited, no known vulnerability.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
