"""The GitHub workflow (.github/workflows/ci.yml) is well-formed YAML and deploys dist/ to
GitHub Pages from main only, after the tests, with csp.html published as index.html.

    python3 tests/tools/test_ci_workflow.py -v      (also run by ctest; needs python3-yaml)
"""
import os
import unittest

import yaml

WORKFLOW = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".github", "workflows", "ci.yml")


def uses(step):
    return step.get("uses", "").split("@", 1)[0]


class WorkflowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(WORKFLOW, encoding="utf-8") as f:
            cls.wf = yaml.safe_load(f)
        cls.jobs = cls.wf["jobs"]

    def test_triggers_and_jobs(self):
        on = self.wf.get("on", self.wf.get(True))  # YAML 1.1 reads a bare `on` as true
        self.assertIn("push", on)
        self.assertEqual(set(self.jobs), {"test", "pages"})
        for name, job in self.jobs.items():
            self.assertIn("runs-on", job, name)
            for step in job["steps"]:
                self.assertTrue("uses" in step or "run" in step, "%s: %s" % (name, step))
                if "uses" in step:
                    self.assertRegex(step["uses"], r"^[\w.-]+/[\w.-]+@v\d+$", name)

    def test_the_test_job_keeps_the_site(self):
        steps = self.jobs["test"]["steps"]
        runs = [s.get("run", "") for s in steps]
        self.assertIn("bash .ci/run", runs)
        kept = [s for s in steps if uses(s) == "actions/upload-artifact"]
        self.assertEqual(len(kept), 1)
        self.assertEqual(kept[0]["with"]["name"], "chipatlas-web")
        self.assertEqual(kept[0]["with"]["path"].strip(), "dist/")

    def test_pages_job(self):
        job = self.jobs["pages"]
        self.assertEqual(job["needs"], "test")
        self.assertIn("github.event_name == 'push'", job["if"])
        self.assertIn("github.ref == 'refs/heads/main'", job["if"])
        self.assertEqual(job["permissions"], {"pages": "write", "id-token": "write"})
        self.assertEqual(job["environment"]["name"], "github-pages")
        steps = job["steps"]
        order = [uses(s) or "run" for s in steps]
        self.assertEqual(order, ["actions/download-artifact", "run", "actions/configure-pages",
                                 "actions/upload-pages-artifact", "actions/deploy-pages"])
        self.assertEqual(steps[0]["with"], {"name": "chipatlas-web", "path": "dist/"})
        # No headers on GitHub Pages: the page with the <meta> CSP becomes index.html.
        self.assertEqual(steps[1]["run"].strip(), "cp dist/csp.html dist/index.html")
        self.assertEqual(steps[3]["with"]["path"], "dist/")
        self.assertIn("page_url", job["environment"]["url"])
        self.assertIn(steps[4].get("id"), job["environment"]["url"])

    def test_csp_page_exists(self):
        web = os.path.join(os.path.dirname(WORKFLOW), "..", "..", "web")
        with open(os.path.join(web, "csp.html"), encoding="utf-8") as f:
            self.assertIn('http-equiv="Content-Security-Policy"', f.read())


if __name__ == "__main__":
    unittest.main()
