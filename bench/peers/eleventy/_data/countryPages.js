// One entry per country with its cities, in the order of cities.json (by slug).
const cities = require("./cities.json");
const names = require("./countries.json");

module.exports = Object.keys(names).sort().map((code) => ({
  code,
  name: names[code],
  cities: cities.filter((city) => city.country === code),
}));
