from rest_framework import serializers


class VocabularyTermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PageLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    type = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_type(self, page):
        return f"{page._meta.app_label}.{type(page).__name__}"

    def get_url(self, page):
        return page.get_url()
