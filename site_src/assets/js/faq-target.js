// A link to one question of a FAQ list (`#pricing-faq-3`: a result of the site's search) opens
// its answer: the browser scrolls to the question but leaves a <details> closed. On the
// page's first load (the link that opened it) and on each jump within the page.
function openTarget() {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    return; // a malformed escape names no element
  }
  const item = id ? document.getElementById(id) : null;
  if (item?.matches("details.rk-faq__item") && !item.open) {
    item.open = true;
    item.scrollIntoView({ block: "start" });
  }
}

openTarget();
addEventListener("hashchange", openTarget);
