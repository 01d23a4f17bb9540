"""Write the drawings in figures/: every exercise's start and end, the Thomas
test (position and raised thigh) and the lumbar plexus. Run it after changing anything here:

    .venv/bin/python tools/figures/draw.py

One body is defined once (LEN and WIDTH: segment lengths and widths) and posed in exercises() by
the angle of each segment in the side view, in degrees: 0 points right, 90 up. The figure faces
right, so on its back it lies head left and face down head right. A limb can instead be given
the point its hand or foot must reach ("ik"); the elbow or knee is then solved for. Side plank
and clamshell are built the same way but seen from the front (lying on one side).

Each segment is a thick round-capped stroke, drawn twice: an outline in currentColor, then the
fill, var(--fig-body) (var(--fig-body-far) for the far arm and leg), so the joints merge into one
silhouette. The target muscle goes on top in var(--fig-muscle); floor, mat and props are
currentColor at low opacity. Every exercise drawing has the same scale and viewBox width, cropped
to its pose above and below. The colours are set in the last block of overrides/assets/site.css.
"""

from __future__ import annotations

from math import acos, asin, atan2, cos, degrees, hypot, radians, sin
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "figures"

# Joint-to-joint lengths and stroke widths, in viewBox units (standing height about 174).
LEN = {"trunk": 50, "neck": 24, "upper": 28, "fore": 25, "thigh": 44, "shin": 42, "foot": 14}
WIDTH = {"trunk": 26, "neck": 10, "head": 23, "upper": 10, "fore": 8, "hand": 10, "thigh": 16, "shin": 12, "foot": 7}
EDGE = 1.6  # outline on each side of a stroke
MAT = 4  # mat thickness under floor exercises
PAD = 2  # space kept around the drawing
WIDE = 236  # viewBox width shared by every exercise drawing

# The light colours stand in where the site's CSS is missing (a feed reader, say).
BODY_FILL, FAR_FILL = "var(--fig-body, #d3dce6)", "var(--fig-body-far, #a9b7c6)"
MUSCLE, NERVE = "var(--fig-muscle, #c84a2f)", "var(--fig-nerve, #ad7f00)"


def at(p, angle, length):
    return (p[0] + length * cos(radians(angle)), p[1] + length * sin(radians(angle)))


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def angle_of(a, b):
    return degrees(atan2(b[1] - a[1], b[0] - a[0]))


def bend(root, target, l1, l2, side):
    """Middle joint of a two-segment limb reaching `target`; side +1 puts it counter-clockwise of root->target."""
    d = min(hypot(target[0] - root[0], target[1] - root[1]), l1 + l2 - 0.01)
    a = degrees(acos(max(-1, min(1, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))))
    return at(root, angle_of(root, target) + side * a, l1)


class Figure:
    """One posed body: joints in world units (y up; the floor, seat or bed top at y=0).

    Joints: hip, shoulder, head, and per side (n near, f far) knee, ankle, toe, elbow, wrist;
    a side may have its own hip and shoulder (nhip, fshoulder, ...) when seen from the front."""

    def __init__(self, joints, trunk_width=None):
        self.j = joints
        self.trunk_width = trunk_width or WIDTH["trunk"]

    def root(self, s, name):
        return self.j.get(s + name, self.j[name])

    # -- parts, as (width, points) strokes --------------------------------------------------
    def leg(self, s):
        j = self.j
        return [
            (WIDTH["thigh"], [self.root(s, "hip"), j[s + "knee"]]),
            (WIDTH["shin"], [j[s + "knee"], j[s + "ankle"]]),
            (WIDTH["foot"], [j[s + "ankle"], j[s + "toe"]]),
        ]

    def arm(self, s):
        j = self.j
        return [
            (WIDTH["upper"], [self.root(s, "shoulder"), j[s + "elbow"]]),
            (WIDTH["fore"], [j[s + "elbow"], j[s + "wrist"]]),
            (WIDTH["hand"], [j[s + "wrist"]]),
        ]

    def torso(self):
        j = self.j
        return [
            (self.trunk_width, [j["hip"], j["shoulder"]]),
            (WIDTH["neck"], [j["shoulder"], j["head"]]),
            (WIDTH["head"], [j["head"]]),
        ]

    # -- muscles ------------------------------------------------------------------------------
    def along(self, a, b, t, off):
        """Point t of the way from joint a to joint b, moved `off` to the counter-clockwise side."""
        p, q = self.j[a], self.j[b]
        return at(lerp(p, q, t), angle_of(p, q) + 90, off)

    def muscle(self, name, s="n"):
        """A band over the muscle: hip flexors, buttock, belly wall, side of trunk, top of hip."""
        if name == "hip-flexors":  # front of the lumbar spine, over the front of the hip, into the thigh
            return 7, [
                self.along("hip", "shoulder", 0.42, -4),
                self.along("hip", "shoulder", 0.08, -7),
                self.along("hip", s + "knee", 0.45, 3),
            ]
        if name == "buttock":  # the back of the pelvis, round the back of the hip joint
            return 11, [self.along("hip", "shoulder", 0.24, 6), self.along("hip", "shoulder", -0.06, 5.5)]
        if name == "belly":
            return 8, [self.along("hip", "shoulder", 0.12, -6.5), self.along("hip", "shoulder", 0.72, -6.5)]
        if name == "side":  # trunk edge nearest the floor, from the ribs to the hip
            return 8, [
                self.along("hip", "shoulder", 0.72, 6.5),
                self.along("hip", "shoulder", 0.05, 6.5),
                self.along("hip", s + "knee", 0.2, -3),
            ]
        if name == "top-hip":  # the upper side of the pelvis, lying on one's side
            return 10, [
                self.along("hip", "shoulder", 0.3, -5),
                self.along("hip", "shoulder", 0.02, -6),
                self.along("hip", s + "knee", 0.12, 3),
            ]
        raise KeyError(name)


# -- SVG output ---------------------------------------------------------------------------------
def num(v):
    text = f"{v:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


class Canvas:
    """Collects elements in world units (y up) and tracks their extent."""

    def __init__(self):
        self.out, self.box = [], [1e9, 1e9, -1e9, -1e9]

    def grow(self, x, y, r=0):
        b = self.box
        b[0], b[1], b[2], b[3] = min(b[0], x - r), min(b[1], y - r), max(b[2], x + r), max(b[3], y + r)

    def d(self, pts):
        s = "M" + " ".join(f"{num(x)} {num(-y)}" for x, y in pts[:1])
        if len(pts) == 1:
            return s + "h0"
        return s + "L" + " ".join(f"{num(x)} {num(-y)}" for x, y in pts[1:])

    def strokes(self, parts, fill):
        """A layer of body parts: outline pass, then fill pass, each grouped by width."""
        by_width = {}
        for w, pts in parts:
            by_width.setdefault(w, []).append(self.d(pts))
            for x, y in pts:
                self.grow(x, y, w / 2 + EDGE)
        outline = "".join(f'<path stroke-width="{num(w + 2 * EDGE)}" d="{"".join(ds)}"/>' for w, ds in by_width.items())
        inner = "".join(f'<path stroke-width="{num(w)}" d="{"".join(ds)}"/>' for w, ds in by_width.items())
        self.out.append(f'<g stroke="currentColor">{outline}</g><g stroke="{fill}">{inner}</g>')

    def band(self, w, pts):
        self.out.append(f'<path stroke="{MUSCLE}" stroke-width="{num(w)}" d="{self.d(pts)}"/>')

    def raw(self, svg, *points):
        self.out.append(svg)
        for p in points:
            self.grow(*p)


def floor(c: Canvas, x0, x1, mat=True):
    """The floor line, with a mat on it for floor exercises (the body rests at y=0)."""
    if mat:
        c.raw(
            f'<rect x="{num(x0)}" y="0" width="{num(x1 - x0)}" height="{MAT}" rx="2" fill="currentColor" '
            f'fill-opacity=".12" stroke="currentColor" stroke-opacity=".45" stroke-width="1.5"/>',
            (x0, 0),
            (x1, -MAT - 0.8),
        )
    else:
        c.raw(
            f'<path d="M{num(x0)} 0H{num(x1)}" stroke="currentColor" stroke-opacity=".5" stroke-width="2"/>',
            (x0, 1),
            (x1, -1),
        )


def draw_body(c: Canvas, f: Figure, muscle=None, muscle_side="n", order=("far", "torso", "near", "muscle", "arm")):
    """The body in layers, back to front: far limbs, trunk and head, near leg, muscle, near arm."""
    layers = {
        "far": lambda: c.strokes(f.arm("f") + f.leg("f"), FAR_FILL),
        "torso": lambda: c.strokes(f.torso(), BODY_FILL),
        "near": lambda: c.strokes(f.leg("n"), BODY_FILL),
        "arm": lambda: c.strokes(f.arm("n"), BODY_FILL),
        "muscle": lambda: muscle and c.band(*f.muscle(muscle, muscle_side)),
    }
    for name in order:
        layers[name]()


def svg(name, title, desc, c: Canvas, width=None, view=None):
    x0, y0, x1, y1 = c.box
    x0, x1, y0, y1 = x0 - PAD, x1 + PAD, y0 - PAD, y1 + PAD
    if width:  # centre on the shared width
        mid = (x0 + x1) / 2
        x0, x1 = mid - width / 2, mid + width / 2
    view = view or f"{num(x0)} {num(-y1)} {num(x1 - x0)} {num(y1 - y0)}"
    text = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}" role="img" '
        f'aria-labelledby="{{{{ uid }}}}-title {{{{ uid }}}}-desc" class="figure-svg">'
        f'<title id="{{{{ uid }}}}-title">{title}</title><desc id="{{{{ uid }}}}-desc">{desc}</desc>\n'
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">\n' + "\n".join(c.out) + "\n</g>\n</svg>\n"
    )
    (OUT / f"{name}.svg").write_text(text, encoding="utf-8")
    return text


def rest(w):
    """Height of a part's centre line when it rests on the surface (its outline touching y=0)."""
    return w / 2 + EDGE


def solve(f, lo, hi, steps=60):
    """x in [lo, hi] with f(x) = 0, by bisection (f changes sign on the interval)."""
    flo = f(lo)
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (f(mid) > 0) == (flo > 0):
            lo, flo = mid, f(mid)
        else:
            hi = mid
    return (lo + hi) / 2


def pose(
    hip,
    trunk,
    head=None,
    near_leg=(270, 270, 0),
    far_leg=(270, 270, 0),
    near_arm=(270, 300),
    far_arm=(270, 300),
    short=None,
):
    """Side view from segment angles. A leg is (thigh, shin, foot) or ("ik", ankle, foot);
    an arm is (upper arm, forearm) or ("ik", wrist[, +1 to bend the elbow the other way])."""
    short = short or {}
    j = {"hip": hip, "shoulder": at(hip, trunk, LEN["trunk"])}
    j["head"] = at(j["shoulder"], trunk if head is None else head, LEN["neck"])
    for s, leg, arm in (("n", near_leg, near_arm), ("f", far_leg, far_arm)):
        k = short.get(s, {})
        lt, ls, lf = (LEN[p] * k.get(p, 1) for p in ("thigh", "shin", "foot"))
        if leg[0] == "ik":
            knee = bend(hip, leg[1], lt, ls, +1)
            j[s + "knee"], j[s + "ankle"] = knee, at(knee, angle_of(knee, leg[1]), ls)
        else:
            j[s + "knee"] = at(hip, leg[0], lt)
            j[s + "ankle"] = at(j[s + "knee"], leg[1], ls)
        j[s + "toe"] = at(j[s + "ankle"], leg[2], lf)
        lu, lo = LEN["upper"] * k.get("upper", 1), LEN["fore"] * k.get("fore", 1)
        if arm[0] == "ik":
            elbow = bend(j["shoulder"], arm[1], lu, lo, arm[2] if len(arm) > 2 else -1)
            j[s + "elbow"], j[s + "wrist"] = elbow, at(elbow, angle_of(elbow, arm[1]), lo)
        else:
            j[s + "elbow"] = at(j["shoulder"], arm[0], lu)
            j[s + "wrist"] = at(j[s + "elbow"], arm[1], lo)
    return Figure(j)


# -- Seen from the front, lying on one side (side plank, clamshell) -----------------------------
# Built in 3-D (x along the mat, y up, z towards the viewer) and seen from a little above.
TILT = 20


def seen(p, tilt=TILT):
    x, y, z = p
    return (x, y * cos(radians(tilt)) - z * sin(radians(tilt)))


def turn(p, a, b, angle):
    """Point p turned by `angle` degrees about the axis from a to b (right-hand rule)."""
    k = [b[i] - a[i] for i in range(3)]
    n = sum(v * v for v in k) ** 0.5
    k = [v / n for v in k]
    v = [p[i] - a[i] for i in range(3)]
    c, s = cos(radians(angle)), sin(radians(angle))
    kv = sum(k[i] * v[i] for i in range(3))
    cross = [k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]]
    return tuple(a[i] + v[i] * c + cross[i] * s + k[i] * kv * (1 - c) for i in range(3))


def arrow(c: Canvas, a, ctrl, b, head=5):
    """A curved arrow from a to b showing the movement."""
    ang = angle_of(ctrl, b)
    l, r = at(b, ang + 150, head), at(b, ang - 150, head)
    c.raw(
        f'<path d="M{num(a[0])} {num(-a[1])}Q{num(ctrl[0])} {num(-ctrl[1])} {num(b[0])} {num(-b[1])}'
        f'M{num(l[0])} {num(-l[1])}L{num(b[0])} {num(-b[1])} {num(r[0])} {num(-r[1])}" stroke="currentColor" '
        f'stroke-width="2" stroke-opacity=".7"/>',
        a,
        b,
        l,
        r,
    )


def parts(f: Figure):
    return f.torso() + f.leg("n") + f.leg("f") + f.arm("n") + f.arm("f")


def lowest(f: Figure):
    return min(y - w / 2 - EDGE for w, pts in parts(f) for _, y in pts)


def grounded(f: Figure):
    """The figure moved down (or up) until its lowest outline touches y=0."""
    dy = -lowest(f)
    return Figure({k: (x, y + dy) for k, (x, y) in f.j.items()}, f.trunk_width)


# Resting heights of centre lines: trunk, thigh, shin, ankle (foot), upper arm, forearm, head.
T, TH, SH, FT, UA, FA, HD = (rest(WIDTH[p]) for p in ("trunk", "thigh", "shin", "foot", "upper", "fore", "head"))
HIP = (0, T)  # lying on the back or front, the pelvis on the mat
BY_SIDES = (-16.6, 0)  # on the back, arms resting along the body
HEAD_DOWN = 180 + degrees(asin((T - HD) / LEN["neck"]))  # head resting on the mat


def on_back(legs="straight", head=HEAD_DOWN, **kw):
    """Lying on the back, head left."""
    if legs == "straight":
        kw.setdefault("near_leg", (-6.5, -2.7, 85))
        kw.setdefault("far_leg", (-6.5, -2.7, 72))
    else:  # knees bent, feet flat, heels about a forearm from the bottom
        kw.setdefault("near_leg", ("ik", (50, SH), -10))
        kw.setdefault("far_leg", ("ik", (46, SH), -10))
    kw.setdefault("near_arm", BY_SIDES)
    kw.setdefault("far_arm", (-14, 0))
    return pose(kw.pop("hip", HIP), kw.pop("trunk", 180), head=head, **kw)


# -- The exercises ----------------------------------------------------------------------------
def mat_under(c: Canvas, f: Figure, left=0, right=0):
    xs = [x for _, pts in parts(f) for x, _ in pts]
    floor(c, min(xs) - 14 + left, max(xs) + 14 + right)


def cushion(c: Canvas, x, w, h):
    """A cushion or pad of width w and height h on the floor, centred on x."""
    c.raw(
        f'<rect x="{num(x - w / 2)}" y="{num(-h)}" width="{num(w)}" height="{num(h)}" rx="{num(min(h, w) / 2)}" '
        f'fill="currentColor" fill-opacity=".2" stroke="currentColor" stroke-opacity=".5" stroke-width="1.5"/>',
        (x - w / 2, h),
        (x + w / 2, 0),
    )


def bridge_hips(shoulder_x, ankle):
    """Hip and trunk angle with the shoulders on the mat and shoulder, hip and knee in one line."""
    s = (shoulder_x, T)

    def gap(a):
        knee = at(s, a + 180, LEN["trunk"] + LEN["thigh"])
        return hypot(knee[0] - ankle[0], knee[1] - ankle[1]) - LEN["shin"]

    a = solve(gap, 181, 250)
    return at(s, a + 180, LEN["trunk"]), a


def half_kneel(back_thigh, front_ankle, arms, cushion_h=6):
    """Kneeling on the near knee on a cushion, toes tucked behind, the far foot flat in front."""
    knee = (0, cushion_h + SH)
    hip = at(knee, back_thigh + 180, LEN["thigh"])
    return pose(hip, 90, near_leg=(back_thigh, 183, 205), far_leg=("ik", front_ankle, -10), **arms(hip))


def hands_on_hips(hip):
    """Hands on the hips: seen from the side, the elbows point out towards us and look short."""
    short = {"n": {"upper": 0.7, "fore": 0.75}, "f": {"upper": 0.7, "fore": 0.75}}
    return {"near_arm": ("ik", (hip[0] + 4, hip[1] + 13)), "far_arm": ("ik", (hip[0] + 2, hip[1] + 13)), "short": short}


def hands_on_front_thigh(ankle):
    def arms(hip):
        knee = bend(hip, ankle, LEN["thigh"], LEN["shin"], +1)
        w = lerp(hip, knee, 0.8)
        return {"near_arm": ("ik", (w[0], w[1] + 10)), "far_arm": ("ik", (w[0] + 3, w[1] + 10))}

    return arms


def side_lying(j3, trunk_width=28):
    """A body lying on its side, built in 3-D, as seen from the front and a little above."""
    return Figure({k: seen(v) for k, v in j3.items()}, trunk_width)


def side_mat(c: Canvas, x0, x1, back=-18, front=46):
    """The mat seen from a little above: a faint band from behind the back to its front edge."""
    top, bottom = seen((0, 0, back))[1], seen((0, 0, front))[1]
    c.raw(
        f'<path d="M{num(x0)} {num(-bottom)}V{num(-top)}H{num(x1)}V{num(-bottom)}" fill="currentColor" '
        f'fill-opacity=".07"/><rect x="{num(x0)}" y="{num(-bottom)}" width="{num(x1 - x0)}" height="{MAT}" rx="2" '
        f'fill="currentColor" fill-opacity=".12" stroke="currentColor" stroke-opacity=".45" stroke-width="1.5"/>',
        (x0, top),
        (x1, bottom - MAT - 0.8),
    )


def side_plank(lifted):
    """Seen from the front: lying on the left side, head left, propped on the left forearm, legs
    straight and stacked (bottom limbs drawn as the far ones)."""
    f_sh = (0, UA + LEN["upper"])  # bottom shoulder, straight above the elbow
    if lifted:  # one straight line from the shoulder to the feet
        a = asin((f_sh[1] - UA) / (LEN["trunk"] + LEN["thigh"] + LEN["shin"]))
        trunk_dir = leg_dir = (cos(a), -sin(a))
    else:  # lower hip on the mat
        a = asin((f_sh[1] - TH - 1) / LEN["trunk"])
        trunk_dir, leg_dir = (cos(a), -sin(a)), (cos(radians(2.5)), -sin(radians(2.5)))
    up_t, up_l = (-trunk_dir[1], trunk_dir[0]), (-leg_dir[1], leg_dir[0])

    def go(p, d, k, up=(0, 0), lift=0):
        return (p[0] + d[0] * k + up[0] * lift, p[1] + d[1] * k + up[1] * lift)

    f_hip = go(f_sh, trunk_dir, LEN["trunk"])
    j = {
        "fshoulder": f_sh,
        "fhip": f_hip,
        "shoulder": go(f_sh, trunk_dir, 0, up_t, 12),
        "hip": go(f_hip, trunk_dir, 0, up_t, 8),
        "nshoulder": go(f_sh, trunk_dir, 0, up_t, 24),
        "nhip": go(f_hip, trunk_dir, 0, up_t, 16),
    }
    j["head"] = go(j["shoulder"], trunk_dir, -LEN["neck"])
    j["fknee"] = go(f_hip, leg_dir, LEN["thigh"])
    j["fankle"] = go(j["fknee"], leg_dir, LEN["shin"])
    j["nknee"] = go(j["fknee"], leg_dir, 0, up_l, 13.5)
    j["nankle"] = go(j["fankle"], leg_dir, 0, up_l, 11)
    for side in "nf":  # feet point towards us, so they look short
        j[side + "toe"] = go(j[side + "ankle"], leg_dir, 6, up_l, -3)
    j["felbow"] = (0, UA)
    j["fwrist"] = (-20, FA)  # forearm on the mat, turned a little towards the head
    hand = (j["nhip"][0] - 6, j["nhip"][1] + 7)  # top hand on the top hip, elbow up
    j["nelbow"] = bend(j["nshoulder"], hand, LEN["upper"], LEN["fore"], -1)
    j["nwrist"] = hand
    return Figure(j, 28)


def clamshell(opened):
    """Lying on the left side, head left on the outstretched bottom arm, hips and knees bent."""
    j = {
        "fhip": (0, TH, 0),
        "nhip": (0, TH + 16, 0),
        "hip": (0, TH + 8, 0),
        "fshoulder": (-50, 8, 0),
        "nshoulder": (-50, 31, 0),
        "shoulder": (-50, 19.5, 0),
        "head": (-73, 26, 0),
        "felbow": (-77, UA, -4),
        "fwrist": (-101, FA, -6),
        "nelbow": (-40, 15, 21),
        "nwrist": (-24, FA, 33),
    }
    c45, s45 = cos(radians(45)), sin(radians(45))
    for s, h in (("f", 0), ("n", 16)):
        hip = j[s + "hip"]
        knee = (hip[0] + LEN["thigh"] * c45, SH + h + 2, LEN["thigh"] * s45)
        ankle = (knee[0] + LEN["shin"] * c45, SH + h, knee[2] - LEN["shin"] * s45)
        j[s + "knee"], j[s + "ankle"] = knee, ankle
        j[s + "toe"] = (ankle[0] + 12, ankle[1] - 1, ankle[2] + 7)
    if opened:  # the top knee turns up about the line from the top hip to the top heel
        a, b = j["nhip"], j["nankle"]
        up = [turn(j["nknee"], a, b, t) for t in (50, -50)]
        j["nknee"] = max(up, key=lambda p: seen(p)[1])
        j["ntoe"] = max((turn(j["ntoe"], a, b, t) for t in (12, -12)), key=lambda p: seen(p)[1])
    return side_lying(j)


def exercises():
    """(id, stage, title, description, draw(canvas)) for every drawing."""
    out = []

    def both(ex, name, draw, setup, start, end):
        for stage, what in (("start", start), ("end", end)):
            out.append(
                (
                    ex,
                    stage,
                    f"{name}: {stage} position",
                    f"{setup} {what}",
                    lambda c, stage=stage: draw(c, stage == "end"),
                )
            )

    def kneeling(c, end, thigh_end, arms, arrow_y=30):
        ankle = (48, SH)
        f = half_kneel(thigh_end if end else 270, ankle, arms)
        floor(c, -66, 78, mat=False)
        cushion(c, 0, 26, 6)
        draw_body(c, f, "hip-flexors")
        if end:
            h = f.j["hip"]
            arrow(c, (h[0] + 17, h[1] + arrow_y), (h[0] + 26, h[1] + arrow_y + 2), (h[0] + 34, h[1] + arrow_y))

    both(
        "half-kneeling-hip-flexor-stretch",
        "Half-kneeling hip-flexor stretch",
        lambda c, end: kneeling(c, end, 250, hands_on_hips),
        "Side view of a person kneeling on one knee on a cushion with the other foot flat in front, trunk upright "
        "and hands on the hips. The front of the kneeling hip is shaded.",
        "The kneeling thigh is upright, straight under the hip.",
        "Keeping the trunk upright, the person has shifted their hips forward (arrow), so the kneeling thigh now "
        "slopes back from the hip and the front of that hip is stretched.",
    )

    both(
        "long-hold-lunge-stretch",
        "Long-hold lunge stretch",
        lambda c, end: kneeling(c, end, 240, hands_on_front_thigh((48, SH)), arrow_y=50),
        "Side view of a person kneeling on one knee on a soft pad with the other foot flat in front, trunk upright "
        "and hands resting on the front thigh. The front of the kneeling hip is shaded.",
        "The kneeling thigh is upright under the hip: the set-up.",
        "The hips have eased well forward (arrow) into a deep lunge, the front knee bent further, and the kneeling thigh "
        "slopes back; the person stays here and breathes.",
    )

    def standing(c, end):
        back, front = (-42, 17), (26, SH)
        hip = (12, 82) if end else (2, 90)
        f = pose(hip, 90, near_leg=("ik", back, -42), far_leg=("ik", front, -10), **hands_on_hips(hip))
        floor(c, -68, 62, mat=False)
        draw_body(c, f, "hip-flexors")
        if end:
            arrow(c, (hip[0] + 18, hip[1] + 34), (hip[0] + 28, hip[1] + 32), (hip[0] + 32, hip[1] + 22))

    both(
        "standing-hip-flexor-stretch",
        "Standing hip-flexor stretch",
        standing,
        "Side view of a person standing tall with hands on the hips, one foot a stride behind the other with its "
        "heel lifted. The front of the back hip is shaded.",
        "Both knees are nearly straight.",
        "The front knee has bent so the hips sink forward and down (arrow), the back leg stays long and the front "
        "of the back hip is stretched.",
    )

    def knee_to_chest(c, end):
        if end:
            thigh = 128
            knee = at(HIP, thigh, LEN["thigh"])
            hold = at(lerp(HIP, knee, 0.86), thigh - 90, 9)  # behind the thigh, near the knee
            f = on_back(near_leg=(thigh, -4, 70), near_arm=("ik", hold), far_arm=("ik", (hold[0] - 3, hold[1] - 1)))
        else:
            f = on_back()
        mat_under(c, on_back())
        draw_body(c, f, "buttock")

    both(
        "knee-to-chest",
        "Lying knee-to-chest stretch",
        knee_to_chest,
        "Side view of a person lying on their back on a mat, head resting. The buttock is shaded.",
        "Both legs are straight and the arms rest by the sides.",
        "One knee is hugged towards the chest with both hands behind the thigh, while the other leg rests long on "
        "the mat.",
    )

    def figure_4(c, end):
        base = on_back("bent")
        if end:
            thigh = 112
            fknee = at(HIP, thigh, LEN["thigh"])
            hold = at(lerp(HIP, fknee, 0.72), thigh - 90, 9)
            f = on_back("bent", far_leg=(thigh, 4, 92), near_arm=("ik", hold), far_arm=("ik", (hold[0] - 2, hold[1])))
        else:
            f = base
            fknee = f.j["fknee"]
        # the crossed leg makes the "4": its thigh runs out to a knee that falls open towards us, and its
        # shin lies across the other thigh just above the knee, the foot flexed
        if end:
            nknee, ankle = (17, 45), (fknee[0] - 8, fknee[1] - 4)
        else:
            nknee, ankle = (42, 24), (fknee[0] - 10, fknee[1] + 4)
        f.j.update(nknee=nknee, nankle=ankle, ntoe=at(ankle, 96, 13))
        mat_under(c, base)
        # the hands reach between the legs to the back of the other thigh: the arm goes behind the crossed leg
        draw_body(c, f, "buttock", order=("far", "torso", "arm", "near", "muscle"))

    both(
        "figure-4-stretch",
        "Figure-4 stretch",
        figure_4,
        "Side view of a person lying on their back, one ankle crossed over the other knee so the crossed knee "
        "falls out to the side. The buttock of the crossed leg is shaded.",
        "The other foot is still flat on the mat, knee bent.",
        "The other foot is lifted and both hands hold behind that thigh, drawing both legs towards the chest.",
    )

    def bridge(c, end, single=False):
        ankle = (50, SH)
        if end:
            hip, a = bridge_hips(-46, ankle)
            kw = {"hip": hip, "trunk": a}
        else:
            kw = {}
        f = on_back("bent", **kw)
        if single:  # the far leg held straight, thighs level
            t = angle_of(f.j["hip"], f.j["nknee"])
            f = on_back("bent", far_leg=(t, t, t + 75), **kw)
        mat_under(c, on_back("bent"))
        draw_body(c, f, "buttock")

    both(
        "glute-bridge",
        "Glute bridge",
        bridge,
        "Side view of a person lying on their back, knees bent and feet flat on the mat, arms by the sides. The "
        "buttocks are shaded.",
        "The hips rest on the mat.",
        "The hips are lifted until the shoulders, hips and knees make one straight line.",
    )
    both(
        "single-leg-bridge",
        "Single-leg bridge",
        lambda c, end: bridge(c, end, single=True),
        "Side view of a person lying on their back, one knee bent with the foot flat and the other leg held "
        "straight, thighs level. The buttock of the bent leg is shaded.",
        "The hips rest on the mat.",
        "Pushing through the planted heel, the hips are lifted into a straight line from shoulders to knee, "
        "the straight leg still in line with its thigh.",
    )

    def plank_pose(end):
        if end:
            a = degrees(asin((UA + LEN["upper"] - 19) / (LEN["trunk"] + LEN["thigh"] + LEN["shin"])))
            shoulder = (46, UA + LEN["upper"])
            hip = at(shoulder, a + 180, LEN["trunk"])
            legs = (a + 180, a + 180, 276)
        else:
            hip = (0, T)
            a = degrees(asin((UA + LEN["upper"] - T) / LEN["trunk"]))
            legs = (186.5, 182.7, 184)  # legs long on the mat, toes pointed
        shoulder = at(hip, a, LEN["trunk"])
        arm = ("ik", (shoulder[0] + LEN["fore"], FA + 1))
        return pose(hip, a, head=a - 12, near_leg=legs, far_leg=legs, near_arm=arm, far_arm=arm)

    def plank(c, end):
        f = plank_pose(end)
        mat_under(c, plank_pose(False))
        draw_body(c, f, "belly")
        if end:  # above the hips, pointing up
            h = f.j["hip"]
            arrow(c, (h[0] + 2, h[1] + 17), (h[0] + 2, h[1] + 24), (h[0] + 2, h[1] + 32))

    both(
        "plank",
        "Front plank",
        plank,
        "Side view of a person face down on a mat, propped on the forearms with the elbows under the shoulders. "
        "The belly wall is shaded.",
        "The hips and legs rest on the mat, toes pointed.",
        "With the toes tucked under, the body is lifted (arrow) so that head, shoulders, hips and heels make one straight line, held on the "
        "forearms and toes.",
    )

    def side(c, end):
        f = side_plank(end)
        mat_under(c, side_plank(False))
        draw_body(c, f, "side", muscle_side="f")
        if end:  # above the top hip, pointing up
            h = f.j["nhip"]
            arrow(c, (h[0] + 4, h[1] + 13), (h[0] + 4, h[1] + 20), (h[0] + 4, h[1] + 29))

    both(
        "side-plank",
        "Side plank",
        side,
        "Seen from the front: a person lying on their side on a mat, propped on the lower forearm with the elbow "
        "under the shoulder, legs straight and stacked, top hand on the hip. The lower side of the trunk and hip "
        "is shaded.",
        "The lower hip rests on the mat.",
        "The hips are lifted (arrow) so the head, shoulders, hips and feet make one straight line. An easier "
        "version rests on the bent knees instead of the feet.",
    )

    def clam(c, end):
        f = clamshell(end)
        side_mat(c, -118, 108)
        draw_body(c, f, "top-hip")
        if end:
            k1, closed = f.j["nknee"], clamshell(False).j["nknee"]
            arrow(c, (closed[0] + 14, closed[1] + 2), (k1[0] + 22, (closed[1] + k1[1]) / 2), (k1[0] + 12, k1[1] + 4))

    both(
        "clamshell",
        "Clamshell",
        clam,
        "Seen from the front and a little above: a person lying on their side on a mat, head resting on the "
        "outstretched lower arm, hips and knees bent, heels together. The side of the top hip is shaded.",
        "The knees rest one on top of the other.",
        "Keeping the feet together, the top knee is lifted (arrow) so the knees open like a shell.",
    )

    def constructive(c, end):
        head = 180 - degrees(asin((HD + 5 - T) / LEN["neck"]))
        if end:
            belly = (-17, T + WIDTH["trunk"] / 2 + 3)
            f = on_back("bent", head=head, near_arm=("ik", belly), far_arm=("ik", (belly[0] - 5, belly[1] - 1)))
        else:
            f = on_back(head=head)
        mat_under(c, on_back(), left=-8)
        cushion(c, f.j["head"][0] - 2, 30, 5)
        draw_body(c, f, "hip-flexors")

    both(
        "constructive-rest",
        "Constructive rest",
        constructive,
        "Side view of a person lying on their back on a mat with a thin cushion under the head. The front of the "
        "hip, where the psoas and iliacus run, is shaded.",
        "The legs are straight and the arms rest by the sides.",
        "The knees are bent with the feet flat, letting the front of the hips soften, and the hands rest on the "
        "belly for slow breathing.",
    )

    def chair(c, x):
        seat = 46
        c.raw(
            f'<path d="M{num(x - 18)} 0L{num(x - 18)} {-seat}M{num(x + 20)} 0V{-seat + 2}M{num(x - 22)} {-seat}'
            f'H{num(x + 22)}M{num(x - 18)} {-seat}L{num(x - 23)} -102" stroke="currentColor" stroke-opacity=".5" '
            f'stroke-width="3.5"/>',
            (x - 26, 104),
            (x + 24, 0),
        )

    def breaks(c, end):
        if end:
            f = grounded(
                pose(
                    (0, 0),
                    86,
                    head=80,
                    near_leg=(295, 268, 12),
                    far_leg=(252, 226, -28),
                    near_arm=(250, 280),
                    far_arm=(290, 335),
                )
            )
            cx = f.j["hip"][0] - 44
        else:
            hip = (0, 46 + 12)
            f = pose(
                hip,
                98,
                head=92,
                near_leg=("ik", (46, SH), -10),
                far_leg=("ik", (42, SH), -10),
                near_arm=("ik", (28, hip[1] + 9)),
                far_arm=("ik", (24, hip[1] + 9)),
            )
            cx = 4
        chair(c, cx)
        floor(c, -46, 64, mat=False)
        draw_body(c, f, "hip-flexors")
        if end:
            h = f.j["shoulder"]
            arrow(c, (h[0] + 22, h[1] - 8), (h[0] + 30, h[1] - 6), (h[0] + 38, h[1] - 8))

    both(
        "movement-breaks",
        "Sit-stand and walking breaks",
        breaks,
        "Side view of a person and a chair. The front of the hip is shaded.",
        "The person sits upright on the chair, feet flat and hands on the thighs, hips bent.",
        "The person has stood up and walks away from the chair (arrow), the front of the hip opening out with "
        "each step.",
    )
    return out


# -- Thomas test -------------------------------------------------------------------------------
BED_EDGE, BED_FLOOR = 36, -56


def capsule(a, b, r):
    """The outline of a round-capped stroke from a to b, as a closed path."""
    ang = angle_of(a, b)
    p1, p2, p3, p4 = at(a, ang + 90, r), at(b, ang + 90, r), at(b, ang - 90, r), at(a, ang - 90, r)

    def f(p):
        return f"{num(p[0])} {num(-p[1])}"

    return f"M{f(p1)}L{f(p2)}A{num(r)} {num(r)} 0 0 0 {f(p3)}L{f(p4)}A{num(r)} {num(r)} 0 0 0 {f(p1)}Z"


def thomas(positive):
    """On the back at the end of a firm bed, hugging the far knee; the near leg hangs over the edge."""
    thigh = 20 if positive else -6.5
    fthigh = 128
    fknee = at(HIP, fthigh, LEN["thigh"])
    hug = at(fknee, fthigh - 70, 9)  # hands clasped over the front of the knee
    f = on_back(
        near_leg=(thigh, 268, 300),
        far_leg=(fthigh, -4, 72),
        near_arm=("ik", hug, +1),
        far_arm=("ik", (hug[0] - 3, hug[1] - 1), +1),
    )
    c = Canvas()
    # the bed: mattress, two legs, the floor
    c.raw(
        f'<g stroke="currentColor" stroke-opacity=".5" stroke-width="1.5"><path d="M-112 12V{-BED_FLOOR}M{BED_EDGE - 8} 12'
        f'V{-BED_FLOOR}" stroke-width="4"/><rect x="-120" y="0" width="{BED_EDGE + 120}" height="12" rx="3" '
        f'fill="currentColor" fill-opacity=".12"/><path d="M-124 {-BED_FLOOR}H84" stroke-width="2"/></g>',
        (-124, 0),
        (84, BED_FLOOR - 1),
    )
    draw_body(c, f, "hip-flexors")
    if positive:  # the flat thigh of the test position as a dashed ghost, and the angle between
        flat = on_back(near_leg=(-6.5, 268, 300)).j
        c.raw(
            f'<path d="{capsule(flat["hip"], flat["nknee"], WIDTH["thigh"] / 2)}'
            f'{capsule(flat["nknee"], flat["nankle"], WIDTH["shin"] / 2)}" stroke="currentColor" stroke-width="1.5" '
            f'stroke-dasharray="3 3" stroke-opacity=".7"/>'
        )
        r = 66
        a0, a1 = at(HIP, -6.5, r), at(HIP, thigh, r)
        g0, g1 = at(HIP, -6.5, r + 6), at(HIP, thigh, r + 6)
        c.raw(
            f'<path d="M{num(flat["nknee"][0])} {num(-flat["nknee"][1])}L{num(g0[0])} {num(-g0[1])}M{num(f.j["nknee"][0])} '
            f"{num(-f.j['nknee'][1])}L{num(g1[0])} {num(-g1[1])}M{num(a0[0])} {num(-a0[1])}A{r} {r} 0 0 0 {num(a1[0])} "
            f'{num(-a1[1])}" stroke="currentColor" stroke-width="1.8" stroke-opacity=".8"/>',
            g0,
            g1,
        )
    return c


THOMAS = {
    "thomas-test-position": (
        "The Thomas test position",
        False,
        (
            "Side view of a person lying on their back at the end of a firm bed. Both hands hug one knee to the chest. "
            "The other leg hangs over the edge: its thigh lies flat along the bed and the knee is bent at about a right "
            "angle, so the lower leg hangs straight down. The front of that hip is shaded."
        ),
    ),
    "thomas-test-positive": (
        "The Thomas test: the thigh stays raised",
        True,
        (
            "The same position as the test, one knee hugged to the chest, but the hanging thigh stays lifted above the "
            "bed, angled up from the hip by about 20 degrees, with the lower leg hanging below the knee. A dashed outline "
            "shows where a thigh lying flat on the bed would be, and an arc marks the angle between the two. The shaded "
            "front of the hip is the area a raised thigh hints is short or stiff."
        ),
    ),
}


# -- Lumbar plexus (front view, in the frame of psoas-path.svg) --------------------------------
# Bones and muscles are the left half of psoas-path.svg (spine centre x=190, T12 at the top, the
# person's right side on the left); the nerves leave the psoas at its borders and front.
PLEXUS_BONES = (
    '<g fill="currentColor" fill-opacity=".15" stroke="currentColor" stroke-width="2">'
    '<path d="M150 186C146 164 122 142 100 146C82 150 70 164 74 180C78 190 82 196 86 202C90 212 94 218 98 224C100 232 '
    "100 240 100 248C100 270 108 296 122 310C132 318 146 316 150 306C160 300 172 300 187 300L187 272C170 266 150 258 "
    "138 246C146 230 152 214 156 200ZM150 273C160 273 166 278 166 284C166 291 158 295 150 295C140 295 134 290 134 284C134 "
    '278 140 273 150 273Z" fill-rule="evenodd"/>'
    '<path d="M146 188H234C236 220 214 248 196 268H184C166 248 144 220 146 188Z" fill-opacity=".3"/>'
    '<path d="M86 258C80 262 74 272 76 284C80 298 83 318 85 336H107C107 330 108 326 112 322L125 316C124 308 120 304 114 '
    '300C114 290 116 278 122 268L104 244C96 250 92 256 86 258Z"/><circle cx="114" cy="252" r="16"/>'
    '<g fill-opacity=".3">'
    + "".join(
        f'<rect x="{190 - w / 2:g}" y="{14 + 29 * i}" width="{w:g}" height="22" rx="6"/>'
        for i, w in enumerate((34, 36, 38, 41, 43, 45))
    )
    + "</g>"
    '<path d="M173 23h-6M207 23h6M172 52h-10M208 52h10M171 81h-10M209 81h10M169.5 110h-10M210.5 110h10M168.5 139h-10'
    'M211.5 139h10M167.5 168h-10M212.5 168h10" stroke-width="3"/></g>'
)
# The psoas, fuller than in psoas-path.svg so the nerves can be seen leaving its borders and front:
# outer and inner borders as cubic Bézier pieces, top to bottom.
PSOAS_OUTER = [
    ((173, 16), (158, 28), (146, 58), (138, 92)),
    ((138, 92), (130, 126), (120, 160), (114, 196)),
    ((114, 196), (110, 222), (108, 248), (110, 272)),
    ((110, 272), (111, 290), (113, 302), (116, 310)),
]
PSOAS_INNER = [
    ((172, 16), (172, 50), (169, 110), (167, 170)),
    ((167, 170), (166, 178), (165, 186), (162, 196)),
    ((162, 196), (156, 214), (146, 232), (138, 256)),
    ((138, 256), (131, 276), (127, 296), (124, 314)),
]


def bezier(seg, t):
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = seg
    u = 1 - t
    return (
        u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
        u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
    )


def border_at(border, y):
    """The point of a border (a list of Bézier pieces running downwards) at height y."""
    for seg in border:
        if seg[0][1] <= y <= seg[3][1]:
            return bezier(seg, solve(lambda t, seg=seg: bezier(seg, t)[1] - y, 0, 1))
    raise ValueError(y)


def curve_d(border, reverse=False):
    segs = [tuple(reversed(s)) for s in reversed(border)] if reverse else border
    start = "M{:g} {:g}".format(*segs[0][0])
    return start + "".join("C" + " ".join(f"{x:g} {y:g}" for x, y in s[1:]) for s in segs)


def through(points):
    """A smooth path through the points (Catmull-Rom turned into cubic Béziers), in whole units."""
    pts = [points[0], *list(points), points[-1]]
    d = "M{} {}".format(*(round(v) for v in points[0]))
    for a, b, c, e in zip(pts, pts[1:], pts[2:], pts[3:], strict=False):
        if len(points) == 2:
            return d + "L{} {}".format(*(round(v) for v in c))
        c1 = (b[0] + (c[0] - a[0]) / 6, b[1] + (c[1] - a[1]) / 6)
        c2 = (c[0] - (e[0] - b[0]) / 6, c[1] - (e[1] - b[1]) / 6)
        d += "C" + " ".join(f"{round(x)} {round(y)}" for x, y in (c1, c2, c))
    return d


PLEXUS_MUSCLES = (
    '<g stroke="currentColor" stroke-width="2" stroke-linejoin="round" fill-opacity=".6">'
    '<path d="M154 196C146 170 122 152 102 156C86 160 80 174 86 196C92 214 104 232 110 250C114 268 114 290 116 308L121 '
    '312C122 290 126 262 134 244C142 228 152 214 154 196Z" fill="var(--fig-b, #e76f51)"/>'
    f'<path d="{curve_d(PSOAS_OUTER)}L124 314{curve_d(PSOAS_INNER, reverse=True)[len("M124 314") :]}Z" '
    'fill="var(--fig-a, #2a9d8f)"/></g>'
)
# Spinal nerves leave between the vertebrae (here, at the side of the bodies) inside the muscle.
FORAMEN = {1: (168, 68), 2: (167, 97), 3: (166, 126), 4: (165, 155)}


def out_at(y):
    return border_at(PSOAS_OUTER, y)


def in_at(y):
    return border_at(PSOAS_INNER, y)


def front_at(y):
    return lerp(out_at(y), in_at(y), 0.5)


# name: roots, course (the first point is where it leaves the muscle), branches, label lines,
# the anatomy point the label sits by, and its anchor. All in the frame of psoas-path.svg.
NERVES = [
    ("iliohypogastric", (1,), [out_at(54), (118, 64), (88, 78)], [], ["iliohypogastric", "(L1)"], (88, 78), "end"),
    ("ilioinguinal", (1,), [out_at(68), (116, 84), (88, 110)], [], ["ilioinguinal", "(L1)"], (88, 112), "end"),
    (
        "lateral cutaneous nerve of the thigh",
        (2, 3),
        [out_at(140), (106, 162), (86, 184), (80, 200), (74, 222)],
        [],
        ["lateral cutaneous", "nerve of the thigh", "(L2–L3)"],
        (74, 206),
        "end",
    ),
    (
        "femoral",
        (2, 3, 4),
        [out_at(180), (108, 210), (104, 244), (108, 272), (110, 290)],
        [[(110, 290), (97, 326)], [(110, 290), (109, 332)], [(110, 290), (122, 326)]],
        ["femoral (L2–L4)"],
        (110, 350),
        "middle",
    ),
    (
        "genitofemoral",
        (1, 2),
        [front_at(124), front_at(170), front_at(214), (126, 252), (123, 262)],
        [[(123, 262), (119, 282)], [(123, 262), (132, 272)]],
        ["genitofemoral", "(L1–L2)"],
        (230, 214),
        "start",
    ),
    (
        "obturator",
        (2, 3, 4),
        [in_at(194), (159, 226), (153, 258), (150, 280), (151, 296), (160, 320)],
        [],
        ["obturator", "(L2–L4)"],
        (176, 318),
        "start",
    ),
]
LEADERS = [front_at(214), (228, 214)], [(160, 320), (172, 316)], [(160, 34), (134, 30)], [(100, 164), (80, 162)]
PLEXUS_SCALE, PLEXUS_SHIFT = 1.2, (40, -8)


def plexus_xy(x, y):
    """From the anatomy frame to the drawing's own frame (text stays unscaled)."""
    return PLEXUS_SCALE * x + PLEXUS_SHIFT[0], PLEXUS_SCALE * y + PLEXUS_SHIFT[1]


PLEXUS_DESC = (
    "Front view of the lower spine (T12 to L5), the sacrum, half of the pelvis and the top of the thigh bone, with "
    "the psoas major beside the vertebrae and the iliacus in the hollow of the hip bone. Nerve roots L1 to L4 run "
    "inside the psoas and leave it as six nerves. From its outer border: the iliohypogastric and ilioinguinal nerves "
    "(L1), high up, heading out to the rim of the hip bone; the lateral cutaneous nerve of the thigh (L2 to L3), "
    "crossing the iliacus to the front of the hip bone; and the femoral nerve (L2 to L4), lowest, running down the "
    "groove between psoas and iliacus into the thigh. Through its front: the genitofemoral nerve (L1 to L2), running "
    "down on the muscle. From its inner border: the obturator nerve (L2 to L4), down into the pelvis and out "
    "through the opening in the hip bone."
)


def lumbar_plexus():
    roots, courses, labels = [], [], []

    def label(lines, x, y, anchor):
        x, y = round(x, 1), round(y, 1)
        if len(lines) == 1:
            return f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}">{lines[0]}</text>'
        dy = ["", ' dy="16"']
        spans = "".join(f'<tspan x="{x:g}"{dy[i > 0]}>{t}</tspan>' for i, t in enumerate(lines))
        return f'<text y="{y:g}" text-anchor="{anchor}">{spans}</text>'

    for _name, segs, course, branches, lines, (ax, ay), anchor in NERVES:
        ex, ey = course[0]
        roots += [f"M{FORAMEN[s][0]} {FORAMEN[s][1]}L{round(ex)} {round(ey)}" for s in segs]
        courses += [through(course)] + [through(b) for b in branches]
        x, y = plexus_xy(ax, ay)
        dx = {"end": -6, "start": 4, "middle": 0}[anchor]
        labels.append(label(lines, x + dx, y + 4 - 7.5 * (len(lines) - 1), anchor))
    courses = "".join(courses)
    leaders = "".join(through(l) for l in LEADERS)  # genitofemoral, obturator, psoas major, iliacus
    extra = [label(["psoas major"], *plexus_xy(130, 34), "end"), label(["iliacus"], *plexus_xy(76, 166), "end")]
    levels = [
        f'<text x="{plexus_xy(224, 0)[0]:g}" y="{plexus_xy(0, 29 + 29 * i)[1]:g}" font-size="11">{v}</text>'
        for i, v in enumerate(("T12", "L1", "L2", "L3", "L4", "L5"))
    ]
    c = Canvas()
    sx, sy = PLEXUS_SHIFT
    c.out = [
        f'<g transform="matrix({PLEXUS_SCALE} 0 0 {PLEXUS_SCALE} {sx} {sy})">',
        PLEXUS_BONES,
        f'<path d="{"".join(roots)}" stroke="{NERVE}" stroke-width="2" fill="none"/>',
        PLEXUS_MUSCLES,
        (
            f'<g fill="none" stroke-linecap="round" stroke-linejoin="round"><path d="{leaders}" stroke="currentColor" '
            f'stroke-width="1.2" stroke-opacity=".6"/><path d="{courses}" stroke="var(--md-default-bg-color)" '
            f'stroke-width="5.5"/><path d="{courses}" stroke="{NERVE}" stroke-width="2.6"/></g>'
        ),
        "</g>",
        (
            '<g fill="currentColor" font-family="system-ui, sans-serif" font-size="14">'
            + "".join(labels + extra + levels)
            + "</g>"
        ),
    ]
    return c


def main():
    drawn = []
    for ex, stage, title, desc, draw in exercises():
        c = Canvas()
        draw(c)
        drawn.append((f"{ex}-{stage}", title, desc, c))
    widest = max(c.box[2] - c.box[0] + 2 * PAD for *_, c in drawn)
    assert widest <= WIDE, f"a drawing is {widest:.0f} wide; raise WIDE"
    for name, title, desc, c in drawn:
        text = svg(name, title, desc, c, width=WIDE)
        print(f"{name}.svg {len(text.encode())} bytes")
    thomas_drawn = {name: (title, desc, thomas(positive)) for name, (title, positive, desc) in THOMAS.items()}
    boxes = [c.box for *_, c in thomas_drawn.values()]
    union = [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]
    for name, (title, desc, c) in thomas_drawn.items():
        c.box = union  # both drawings the same size, so they can be compared
        text = svg(name, title, desc, c)
        print(f"{name}.svg {len(text.encode())} bytes")
    text = svg(
        "lumbar-plexus", "The lumbar plexus and the psoas major", PLEXUS_DESC, lumbar_plexus(), view="-8 4 432 418"
    )
    print(f"lumbar-plexus.svg {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
