// Eleventy 3 configuration of the benchmark's peer site (CommonJS: the folder has no package.json).
module.exports = function (config) {
  config.addPassthroughCopy("style.css");
  config.addFilter("withMembership", (cities, id) => cities.filter((city) => city.membership === id));
  config.addFilter("citiesBySlug", (cities, slugs) => slugs.map((slug) => cities.find((c) => c.slug === slug)));
  return {
    dir: { input: ".", includes: "_includes", data: "_data" },
    templateFormats: ["md", "njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
};
