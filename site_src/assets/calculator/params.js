// What client.js put in the worker's URL (worker.js names them all), read once for the start-up
// modules. Each parameter is a URL, taken only on the worker's own origin: the worker runs the
// code and reads the data it names.
export const params = new URL(self.location.href).searchParams;

export const url = (name) => {
  const u = new URL(params.get(name) ?? "", self.location.href);
  if (u.origin !== self.location.origin) throw new Error(`${name} must be same-origin: ${u}`);
  return u.href;
};

export const indexURL = url("pyodide"); // the runtime's folder

// the response's body `as` text or arrayBuffer, or the response itself; an HTTP error throws
export const fetchOk = async (name, as) => {
  const response = await fetch(url(name));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} for ${response.url}`);
  return as ? response[as]() : response;
};
