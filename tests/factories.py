import factory
from django.contrib.auth.models import Group, User

from atlasplan.models import Theme
from atlasplan.roles import GROUP_NAMES, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create: bool, role: Role | None, **kwargs) -> None:
        if not create or role is None:
            return
        if role == Role.ADMINISTRATOR:
            self.is_staff = self.is_superuser = True
            self.save()
        else:
            # get_or_create: transactional (browser) tests flush the migration's groups
            self.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[role])[0])


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    colour = "#1f6f8b"
