#!/usr/bin/env python3
# Generates a synthetic chipatlas dataset in the real schema for benchmarks: N organisations
# spread over the region's cities, 10×N collaborations over 30 years. Deterministic (seeded).
# Usage: gen_synthetic.py N OUT.json [--collabs M] [--seed S]
import argparse, json, random

CITIES = [  # (region, city, lat, lon, spread in degrees)
    ("hong_kong", "Hong Kong", 22.35, 114.15, 0.12), ("gba", "Shenzhen", 22.55, 114.05, 0.2),
    ("gba", "Guangzhou", 23.13, 113.26, 0.25), ("korea", "Seoul", 37.55, 126.98, 0.3),
    ("korea", "Daejeon", 36.35, 127.38, 0.2), ("taiwan", "Hsinchu", 24.8, 120.97, 0.15),
    ("taiwan", "Kaohsiung", 22.63, 120.3, 0.15), ("taiwan", "Taipei", 25.03, 121.56, 0.15),
    ("japan", "Tokyo", 35.68, 139.69, 0.4), ("japan", "Kumamoto", 32.8, 130.7, 0.2),
    ("japan", "Osaka", 34.69, 135.5, 0.3),
]
ORG_KINDS = ["government", "research_institute", "university", "company", "association", "consortium"]
COLLAB_KINDS = ["consortium", "mou", "forum", "joint_research", "course", "internship", "scholarship", "mentorship", "alliance"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--collabs", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    m = a.collabs if a.collabs is not None else 10 * a.n
    orgs = []
    for i in range(a.n):
        region, city, lat, lon, s = rnd.choice(CITIES)
        orgs.append({"id": f"o{i}", "name": f"Organisation {i} of {city}", "abbr": f"O{i}", "kind": rnd.choice(ORG_KINDS),
                     "region": region, "city": city, "lat": round(lat + rnd.gauss(0, s), 5),
                     "lon": round(lon + rnd.gauss(0, s), 5), "sources": ["syn"]})
    collabs = []
    for i in range(m):
        k = rnd.choice([2, 2, 2, 3, 4, 6])
        members = rnd.sample(range(a.n), min(k, a.n))
        y, mo, d = rnd.randint(1995, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
        c = {"id": f"c{i}", "title": f"Collaboration {i}", "kind": rnd.choice(COLLAB_KINDS),
             "participants": [{"org": f"o{j}", "role": "lead" if n == 0 else "member"} for n, j in enumerate(members)],
             "start": f"{y:04d}-{mo:02d}-{d:02d}", "summary": "Synthetic.",
             "evidence": [{"source": "syn", "quote": "Synthetic data for benchmarks."}]}
        if rnd.random() < 0.5:
            c["end"] = f"{min(2025, y + rnd.randint(0, 6)):04d}"
        collabs.append(c)
    doc = {"sources": [{"id": "syn", "title": "Synthetic data", "publisher": "tools/bench/gen_synthetic.py", "file": "none", "url": "https://example.org/synthetic"}],
           "organisations": orgs, "collaborations": collabs, "events": []}
    with open(a.out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    print(f"wrote {a.out}: {a.n} organisations, {m} collaborations")

if __name__ == "__main__":
    main()
